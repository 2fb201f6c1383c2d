package ru.paragraf.sferum.fuzz;

import java.security.Principal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeanUtils;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.MethodParameter;
import org.springframework.ui.Model;
import org.springframework.validation.Errors;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.paragraf.sferum.accounts.CurrentUser;
import ru.paragraf.sferum.accounts.EndpointRules;
import ru.paragraf.sferum.accounts.EndpointRules.Rule;
import ru.paragraf.sferum.accounts.EndpointRules.Scope;
import ru.paragraf.sferum.accounts.MappedEndpoints;

/**
 * One endpoint of the application as the fuzz suite calls it: method and pattern ({@link MappedEndpoints}), the user
 * of its audience who calls it ({@link EndpointRules}), and the fields its handler reads, found from the handler's
 * parameters: request parameters, form and JSON body fields (the components of its form or body record), headers and
 * path variables. The login form of Spring Security is one more endpoint.
 */
record HttpEndpoint(
        String method, String pattern, String caller, Scope scope, @Nullable String body, List<Field> fields) {

    /** Where a field travels. */
    enum Kind {
        QUERY,
        FORM,
        JSON,
        HEADER,
        PATH,
        FILE
    }

    record Field(Kind kind, String name) {}

    /** Who calls an endpoint, in this order of preference among its audience. */
    private static final List<String> CALLERS = List.of(
            EndpointRules.ADMIN,
            EndpointRules.TEACHER,
            EndpointRules.CITY,
            EndpointRules.DISTRICT,
            EndpointRules.PARENT,
            EndpointRules.PUPIL);

    static final HttpEndpoint LOGIN = new HttpEndpoint(
            "POST",
            "/login",
            EndpointRules.ANONYMOUS,
            Scope.SESSION,
            null,
            List.of(new Field(Kind.FORM, "username"), new Field(Kind.FORM, "password")));

    boolean api() {
        return pattern.startsWith("/api/");
    }

    boolean takesJson() {
        return fields.stream().anyMatch(field -> field.kind() == Kind.JSON);
    }

    String key() {
        return method + " " + pattern;
    }

    /** Every endpoint the application maps itself, with the login form. */
    static List<HttpEndpoint> of(RequestMappingHandlerMapping mapping) {
        var handlers = new HashMap<String, HandlerMethod>();
        mapping.getHandlerMethods()
                .forEach((info, handler) -> info.getPatternValues().forEach(pattern -> info.getMethodsCondition()
                        .getMethods()
                        .forEach(method -> handlers.put(method.name() + " " + pattern, handler))));
        var rules = new HashMap<String, Rule>();
        EndpointRules.RULES.forEach(rule -> rules.put(rule.key(), rule));
        var endpoints = new ArrayList<HttpEndpoint>();
        for (var key : MappedEndpoints.of(mapping.getHandlerMethods(), null)) {
            var method = key.substring(0, key.indexOf(' '));
            var pattern = key.substring(key.indexOf(' ') + 1);
            var rule = rules.get(key);
            var caller = rule == null
                    ? EndpointRules.ADMIN
                    : CALLERS.stream()
                            .filter(rule.audience()::contains)
                            .findFirst()
                            .orElse(EndpointRules.ANONYMOUS);
            endpoints.add(new HttpEndpoint(
                    method.equals("ANY") ? "GET" : method,
                    pattern,
                    caller,
                    rule == null ? Scope.SESSION : rule.scope(),
                    rule == null ? null : rule.body(),
                    fields(method, handlers.get(key))));
        }
        endpoints.add(LOGIN);
        return List.copyOf(endpoints);
    }

    private static final Set<Class<?>> RESOLVED_BY_SPRING = Set.of(
            CurrentUser.class,
            Model.class,
            RedirectAttributes.class,
            Errors.class,
            Principal.class,
            Locale.class,
            jakarta.servlet.ServletRequest.class,
            jakarta.servlet.ServletResponse.class,
            jakarta.servlet.http.HttpSession.class);

    private static List<Field> fields(String method, @Nullable HandlerMethod handler) {
        var fields = new ArrayList<Field>();
        if (handler == null) {
            return fields;
        }
        var paramKind = method.equals("GET") ? Kind.QUERY : Kind.FORM;
        for (var parameter : handler.getMethodParameters()) {
            parameter.initParameterNameDiscovery(new DefaultParameterNameDiscoverer());
            var type = parameter.getParameterType();
            if (RESOLVED_BY_SPRING.stream().anyMatch(resolved -> resolved.isAssignableFrom(type))) {
                continue;
            }
            if (parameter.hasParameterAnnotation(PathVariable.class)) {
                fields.add(new Field(
                        Kind.PATH,
                        name(
                                parameter,
                                parameter
                                        .getParameterAnnotation(PathVariable.class)
                                        .name())));
            } else if (parameter.hasParameterAnnotation(RequestHeader.class)) {
                fields.add(new Field(
                        Kind.HEADER,
                        name(
                                parameter,
                                parameter
                                        .getParameterAnnotation(RequestHeader.class)
                                        .name())));
            } else if (parameter.hasParameterAnnotation(RequestBody.class)) {
                components(type).forEach(component -> fields.add(new Field(Kind.JSON, component)));
            } else if (MultipartFile.class.isAssignableFrom(type)) {
                var annotation = parameter.getParameterAnnotation(RequestParam.class);
                fields.add(new Field(Kind.FILE, name(parameter, annotation == null ? "" : annotation.name())));
            } else if (parameter.hasParameterAnnotation(RequestParam.class)) {
                fields.add(new Field(
                        paramKind,
                        name(
                                parameter,
                                parameter
                                        .getParameterAnnotation(RequestParam.class)
                                        .name())));
            } else if (BeanUtils.isSimpleProperty(type)) {
                fields.add(new Field(paramKind, name(parameter, "")));
            } else if (parameter.hasParameterAnnotation(ModelAttribute.class)
                    || !type.getName().startsWith("java.")) {
                components(type).forEach(component -> fields.add(new Field(paramKind, component)));
            }
        }
        return fields;
    }

    private static String name(MethodParameter parameter, String declared) {
        if (!declared.isEmpty()) {
            return declared;
        }
        var name = parameter.getParameterName();
        return name == null ? "value" : name;
    }

    /** The fields of a form or body type: a record's components, else its writable bean properties. */
    private static List<String> components(Class<?> type) {
        var names = new ArrayList<String>();
        if (type.isRecord()) {
            for (var component : type.getRecordComponents()) {
                names.add(component.getName());
            }
            return names;
        }
        for (var property : BeanUtils.getPropertyDescriptors(type)) {
            if (property.getWriteMethod() != null) {
                names.add(property.getName());
            }
        }
        return names;
    }

    /** The fields of one kind. */
    List<String> names(Kind kind) {
        return fields.stream()
                .filter(field -> field.kind() == kind)
                .map(Field::name)
                .toList();
    }

    @Override
    public String toString() {
        return key();
    }

    static Map<String, HttpEndpoint> byKey(List<HttpEndpoint> endpoints) {
        var byKey = new HashMap<String, HttpEndpoint>();
        endpoints.forEach(endpoint -> byKey.put(endpoint.key(), endpoint));
        return byKey;
    }
}
