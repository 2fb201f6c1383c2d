package ru.paragraf.vkemulator;

import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * The VK ID login page and the error page, in Russian, plain HTML and CSS with no external assets. Element ids
 * are stable for browser tests: {@code login}, {@code password}, {@code submit}, {@code cancel}, {@code error}.
 */
final class LoginPage {

    private static final String STYLE =
            """
            body{margin:0;font-family:-apple-system,Segoe UI,Roboto,Arial,sans-serif;background:#edeef0;color:#000}
            .card{max-width:360px;margin:64px auto;background:#fff;border-radius:12px;padding:32px;
            box-shadow:0 2px 12px rgba(0,0,0,.08)}
            .logo{width:48px;height:48px;border-radius:12px;background:#0077ff;color:#fff;font-weight:700;
            font-size:20px;line-height:48px;text-align:center;margin:0 auto 16px}
            h1{font-size:20px;text-align:center;margin:0 0 8px}
            p.app{font-size:14px;color:#818c99;text-align:center;margin:0 0 24px}
            label{display:block;font-size:14px;color:#6d7885;margin:12px 0 6px}
            input[type=text],input[type=password]{width:100%;box-sizing:border-box;padding:10px 12px;
            border:1px solid #dce1e6;border-radius:8px;font-size:16px;background:#f2f3f5}
            .error{background:#ffe9e9;color:#e64646;border-radius:8px;padding:10px 12px;font-size:14px;margin-top:12px}
            .buttons{margin-top:24px;display:flex;gap:8px}
            button{flex:1;padding:11px;border:0;border-radius:8px;font-size:15px;font-weight:500;cursor:pointer}
            #submit{background:#0077ff;color:#fff}#cancel{background:#f2f3f5;color:#0077ff}
            .note{font-size:12px;color:#99a2ad;text-align:center;margin-top:24px}
            """;

    private LoginPage() {}

    static byte[] login(AuthorizationRequest request, @Nullable String login, @Nullable String error) {
        var html = new StringBuilder(4096);
        html.append(head("Вход — VK ID"))
                .append("<div class=\"card\"><div class=\"logo\">VK</div><h1>Вход в VK ID</h1>")
                .append("<p class=\"app\">Приложение ")
                .append(escape(request.clientId()))
                .append(" запрашивает доступ: ")
                .append(escape(request.scopeOrDefault()))
                .append("</p><form id=\"vkid-login-form\" method=\"post\" action=\"/authorize\">");
        request.hiddenFields().forEach((name, value) -> html.append("<input type=\"hidden\" name=\"")
                .append(escape(name))
                .append("\" value=\"")
                .append(escape(value))
                .append("\">"));
        html.append("<label for=\"login\">Телефон, почта или логин</label>")
                .append("<input id=\"login\" name=\"login\" type=\"text\" autocomplete=\"username\" value=\"")
                .append(escape(login == null ? "" : login))
                .append("\" autofocus>")
                .append("<label for=\"password\">Пароль</label>")
                .append(
                        "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\">");
        if (error != null) {
            html.append("<div id=\"error\" class=\"error\" role=\"alert\">")
                    .append(escape(error))
                    .append("</div>");
        }
        html.append("<div class=\"buttons\">")
                .append("<button id=\"submit\" type=\"submit\" name=\"action\" value=\"login\">Войти</button>")
                .append("<button id=\"cancel\" type=\"submit\" name=\"action\" value=\"cancel\">Отмена</button>")
                .append("</div></form><p class=\"note\">Эмулятор VK ID для тестов и демонстраций</p></div>")
                .append("</body></html>");
        return html.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Shown instead of redirecting when the client or its redirect URI cannot be trusted. */
    static byte[] error(String title, String detail) {
        var html = head("Ошибка — VK ID")
                + "<div class=\"card\"><div class=\"logo\">VK</div><h1 id=\"error-title\">"
                + escape(title)
                + "</h1><div id=\"error\" class=\"error\" role=\"alert\">"
                + escape(detail)
                + "</div></div></body></html>";
        return html.getBytes(StandardCharsets.UTF_8);
    }

    private static String head(String title) {
        return "<!DOCTYPE html><html lang=\"ru\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\"><title>"
                + escape(title)
                + "</title><style>"
                + STYLE
                + "</style></head><body>";
    }

    static String escape(@Nullable String value) {
        if (value == null) {
            return "";
        }
        var out = new StringBuilder(value.length() + 16);
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
