package ru.paragraf.sferum.accounts;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.RequestPredicate;
import org.springframework.web.servlet.function.RequestPredicates;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;

/**
 * The endpoints the application maps itself, as {@code "METHOD /pattern"}: handler methods and router functions of
 * beans in {@code ru.paragraf.sferum}; springdoc and actuator live elsewhere and drop out, and so does the error page
 * (an {@link ErrorController}: Tomcat's target for errors, not an endpoint of its own).
 * A mapping without a method condition is listed as {@code ANY}.
 */
public final class MappedEndpoints {

    static final String OURS = "ru.paragraf.sferum.";

    private MappedEndpoints() {}

    public static Set<String> of(
            Map<RequestMappingInfo, HandlerMethod> handlerMethods, @Nullable RouterFunction<?> routes) {
        var endpoints = new TreeSet<String>();
        handlerMethods.forEach((info, handler) -> {
            if (handler.getBeanType().getName().startsWith(OURS)
                    && !ErrorController.class.isAssignableFrom(handler.getBeanType())) {
                var methods = info.getMethodsCondition().getMethods();
                for (var pattern : info.getPatternValues()) {
                    if (methods.isEmpty()) {
                        endpoints.add("ANY " + pattern);
                    }
                    methods.forEach(method -> endpoints.add(method.name() + " " + pattern));
                }
            }
        });
        if (routes != null) {
            routes.accept(new Routes(endpoints));
        }
        return endpoints;
    }

    /** Collects method and path of each route whose handler function is ours; nested routes add their prefix. */
    private static final class Routes implements RouterFunctions.Visitor, RequestPredicates.Visitor {

        private final Set<String> endpoints;
        private final Deque<String> prefixes = new ArrayDeque<>();
        private final Set<String> methods = new TreeSet<>();
        private String path = "";

        Routes(Set<String> endpoints) {
            this.endpoints = endpoints;
        }

        @Override
        public void startNested(RequestPredicate predicate) {
            path = "";
            predicate.accept(this);
            prefixes.push(String.join("", prefixes) + path);
        }

        @Override
        public void endNested(RequestPredicate predicate) {
            prefixes.pop();
        }

        @Override
        public void route(RequestPredicate predicate, HandlerFunction<?> handler) {
            path = "";
            methods.clear();
            predicate.accept(this);
            if (!handler.getClass().getName().startsWith(OURS)) {
                return;
            }
            var full = (prefixes.isEmpty() ? "" : prefixes.peek()) + path;
            if (methods.isEmpty()) {
                endpoints.add("ANY " + full);
            }
            methods.forEach(method -> endpoints.add(method + " " + full));
        }

        @Override
        public void resources(Function<ServerRequest, Optional<Resource>> lookup) {}

        @Override
        public void attributes(Map<String, Object> attributes) {}

        @Override
        public void unknown(RouterFunction<?> routerFunction) {
            endpoints.add("UNKNOWN " + routerFunction);
        }

        @Override
        public void method(Set<HttpMethod> httpMethods) {
            httpMethods.forEach(method -> methods.add(method.name()));
        }

        @Override
        public void path(String pattern) {
            path += pattern;
        }

        @Override
        public void pathExtension(String extension) {}

        @Override
        public void header(String name, String value) {}

        @Override
        public void param(String name, String value) {}

        @Override
        public void version(String version) {}

        @Override
        public void startAnd() {}

        @Override
        public void and() {}

        @Override
        public void endAnd() {}

        @Override
        public void startOr() {}

        @Override
        public void or() {}

        @Override
        public void endOr() {}

        @Override
        public void startNegate() {}

        @Override
        public void endNegate() {}

        @Override
        public void unknown(RequestPredicate predicate) {}
    }
}
