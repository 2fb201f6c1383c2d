package ru.paragraf.sferum.diary;

import static org.springframework.http.HttpStatus.FORBIDDEN;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.servlet.view.RedirectView;
import ru.paragraf.sferum.accounts.CurrentUser;
import ru.paragraf.sferum.diary.LinkResult.Refused;

/**
 * The VK ID link of the diary's «Чаты» tab for every person with a diary: teachers, pupils and parents (a parent links
 * their own account, whichever child the diary shows). {@link DiaryChatsPage} shows the tab; here are «Привязать к VK
 * ID», the VK ID callback, «Отвязать» with a confirmation. Staff without a diary get 403.
 *
 * <p>«Привязать к VK ID» is a POST with the CSRF token, not a link: it records an authorization, and a forged
 * cross-site request must not send a person, whose VK ID session may still be open, through a link they did
 * not ask for. The callback redirects onward at once, so the code never stays in the address bar or history.
 */
@Controller
class VkIdPages {

    static final String CALLBACK = "/diary/vkid/callback";

    private final VkIdFlow flow;
    private final VkIdUnlinking unlinking;
    private final VkIdProperties properties;

    VkIdPages(VkIdFlow flow, VkIdUnlinking unlinking, VkIdProperties properties) {
        this.flow = flow;
        this.unlinking = unlinking;
        this.properties = properties;
    }

    @PostMapping("/diary/vkid/start")
    RedirectView start(CurrentUser user) {
        var person = person(user);
        if (!flow.configured()) {
            return failure(LinkFailure.NOT_CONFIGURED);
        }
        return redirect(flow.start(user, person, redirectUri()).toString());
    }

    @GetMapping(CALLBACK)
    RedirectView callback(
            CurrentUser user,
            @RequestParam(required = false) @Nullable String state,
            @RequestParam(required = false) @Nullable String code,
            @RequestParam(name = "device_id", required = false) @Nullable String deviceId,
            @RequestParam(required = false) @Nullable String error) {
        var result = flow.complete(user, person(user), new VkIdCallback(state, code, deviceId, error));
        if (result instanceof Refused refused) {
            return failure(refused.reason());
        }
        return redirect("/diary/chats?vkid=linked");
    }

    @GetMapping("/diary/vkid/failure")
    String failure(CurrentUser user, @RequestParam(required = false) @Nullable String reason, Model model) {
        person(user);
        model.addAttribute("reason", LinkFailure.parse(reason));
        return "diary/vkid-failure";
    }

    @GetMapping("/diary/chats/unlink")
    Object confirmUnlink(CurrentUser user, Model model) {
        var status = flow.status(person(user));
        if (!status.linked()) {
            return redirect("/diary/chats");
        }
        model.addAttribute("vkid", status);
        return "diary/vkid-unlink";
    }

    @PostMapping("/diary/vkid/unlink")
    RedirectView unlink(CurrentUser user) {
        switch (unlinking.unlink(user, person(user))) {
            case UNLINKED:
                return redirect("/diary/chats?vkid=unlinked");
            case UNLINKED_VK_UNREACHABLE:
                return redirect("/diary/chats?vkid=unlinked-vk-unreachable");
            default:
                return redirect("/diary/chats");
        }
    }

    private String redirectUri() {
        if (properties.redirectUri() != null) {
            return properties.redirectUri().toString();
        }
        return ServletUriComponentsBuilder.fromCurrentContextPath()
                .path(CALLBACK)
                .build()
                .toUriString();
    }

    private static DiaryPerson person(CurrentUser user) {
        return DiaryPerson.of(user).orElseThrow(() -> new ResponseStatusException(FORBIDDEN));
    }

    private static RedirectView failure(LinkFailure reason) {
        return redirect("/diary/vkid/failure?reason=" + reason.name());
    }

    private static RedirectView redirect(String url) {
        var view = new RedirectView(url, true);
        view.setStatusCode(HttpStatus.SEE_OTHER);
        view.setExposeModelAttributes(false);
        return view;
    }
}
