package ru.paragraf.maxemulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * MAX's bot API at the root of the emulator. Order: route (404/405) → raw {@code Authorization: <token>} (401
 * {@code verify.token}, a {@code Bearer} prefix is not accepted) → per-bot rate limit (429) → injected faults → the
 * method. Errors are the HTTP status with {@code {"code","message"}}.
 */
final class ApiHandler implements HttpHandler {

    @FunctionalInterface
    interface Method {
        ObjectNode call(Call call) throws InterruptedException;
    }

    private record Route(String verb, String template, Pattern pattern, List<String> names, Method method) {}

    private final List<Route> routes = new ArrayList<>();
    private final World world;
    private final EmulatorConfig config;
    private final Faults faults;
    private final Stats stats;
    private final Map<Long, RateLimiter> limits = new ConcurrentHashMap<>();

    ApiHandler(World world, EmulatorConfig config, Faults faults, Stats stats) {
        this.world = world;
        this.config = config;
        this.faults = faults;
        this.stats = stats;
        var chats = new ChatMethods(world);
        var messages = new MessageMethods(world, chats);
        var updates = new UpdateMethods(world, config.longPollRefusedWithWebhook(), stats);
        route("GET", "/me", chats::me);
        route("GET", "/chats/{chatId}", chats::get);
        route("PATCH", "/chats/{chatId}", chats::patch);
        route("GET", "/chats/{chatId}/pin", chats::pinned);
        route("PUT", "/chats/{chatId}/pin", chats::pin);
        route("DELETE", "/chats/{chatId}/pin", chats::unpin);
        route("GET", "/chats/{chatId}/members/me", chats::membership);
        route("DELETE", "/chats/{chatId}/members/me", chats::leave);
        route("GET", "/chats/{chatId}/members/admins", chats::admins);
        route("POST", "/chats/{chatId}/members/admins", chats::setAdmins);
        route("DELETE", "/chats/{chatId}/members/admins/{userId}", chats::revokeAdmin);
        route("GET", "/chats/{chatId}/members", chats::members);
        route("POST", "/chats/{chatId}/members", chats::addMembers);
        route("DELETE", "/chats/{chatId}/members", chats::removeMember);
        route("POST", "/messages", messages::send);
        route("PUT", "/messages", messages::edit);
        route("DELETE", "/messages", messages::delete);
        route("GET", "/messages", messages::list);
        route("GET", "/messages/{messageId}", messages::get);
        route("GET", "/updates", updates::poll);
        route("GET", "/subscriptions", updates::subscriptions);
        route("POST", "/subscriptions", updates::subscribe);
        route("DELETE", "/subscriptions", updates::unsubscribe);
    }

    private void route(String verb, String template, Method method) {
        var names = new ArrayList<String>();
        var regex = new StringBuilder();
        for (var part : template.substring(1).split("/")) {
            regex.append('/');
            if (part.startsWith("{")) {
                names.add(part.substring(1, part.length() - 1));
                regex.append("([^/]+)");
            } else {
                regex.append(Pattern.quote(part));
            }
        }
        routes.add(new Route(verb, template, Pattern.compile(regex.toString()), names, method));
    }

    @Override
    public void handle(HttpExchange exchange) {
        var path = exchange.getRequestURI().getPath();
        var verb = exchange.getRequestMethod();
        Map<String, String> variables = new LinkedHashMap<>();
        var route = find(verb, path, variables);
        if (route == null) {
            boolean otherVerb =
                    routes.stream().anyMatch(r -> r.pattern.matcher(path).matches());
            Http.error(
                    exchange,
                    otherVerb ? 405 : 404,
                    otherVerb ? "method.not.allowed" : "not.found",
                    otherVerb ? "Method " + verb + " is not allowed for " + path : "Path " + path + " not found");
            return;
        }
        var name = verb + " " + route.template;
        stats.call(name);
        try {
            var bot = authenticate(exchange);
            if (config.rateLimitEnabled()
                    && !limits.computeIfAbsent(bot.userId, id -> new RateLimiter(config.requestsPerSecond()))
                            .tryAcquire(world.now())) {
                stats.rateLimited(bot.userId);
                throw new ApiException(429, "too.many.requests", "Too many requests");
            }
            var body = Http.jsonBody(exchange);
            if (body == null) {
                throw ApiException.badRequest("The request body is not JSON");
            }
            var fault = faults.take(name);
            if (fault != null && fault.fault() == FaultPlan.Fault.SUCCESS_FALSE) {
                var message = fault.message() == null ? "Internal error" : fault.message();
                Http.send(exchange, 200, Json.object().put("success", false).put("message", message));
                return;
            }
            if (fault != null && fault.fault() == FaultPlan.Fault.UNAVAILABLE) {
                var message = fault.message() == null ? "Service temporarily unavailable" : fault.message();
                throw new ApiException(503, "service.unavailable", message);
            }
            if (fault != null && fault.fault() == FaultPlan.Fault.HELD_REQUEST) {
                faults.hold(name);
                Http.abort(exchange);
                return;
            }
            var answer = route.method.call(new Call(bot, variables, Http.query(exchange), body));
            if (fault != null && fault.fault() == FaultPlan.Fault.HELD_RESPONSE) {
                faults.hold(name);
            }
            if (fault != null && fault.fault() == FaultPlan.Fault.LOST_RESPONSE) {
                Http.abort(exchange);
                return;
            }
            Http.send(exchange, 200, answer);
        } catch (ApiException error) {
            stats.error(name, error.code());
            Http.error(exchange, error.status(), error.code(), error.getMessage());
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            Http.abort(exchange);
        } catch (Exception bug) {
            System.err.println("max-emulator: " + name + " failed: " + bug);
            stats.error(name, "internal.error");
            Http.error(exchange, 500, "internal.error", "Internal error");
        }
    }

    private @Nullable Route find(String verb, String path, Map<String, String> variables) {
        for (var route : routes) {
            var matcher = route.pattern.matcher(path);
            if (route.verb.equals(verb) && matcher.matches()) {
                for (int i = 0; i < route.names.size(); i++) {
                    variables.put(route.names.get(i), matcher.group(i + 1));
                }
                return route;
            }
        }
        return null;
    }

    /** The raw token of the {@code Authorization} header; {@code access_token} in the query is no longer accepted. */
    private WorldData.BotAccount authenticate(HttpExchange exchange) {
        var token = exchange.getRequestHeaders().getFirst("Authorization");
        WorldData.BotAccount bot = null;
        if (token != null && !token.isBlank()) {
            synchronized (world) {
                bot = world.botByToken(token.strip());
            }
        }
        if (bot == null) {
            throw new ApiException(401, "verify.token", "Invalid access_token");
        }
        return bot;
    }
}
