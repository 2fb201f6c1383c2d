package ru.paragraf.sferum.linkbase;

import static org.springframework.http.HttpStatus.FORBIDDEN;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.paragraf.sferum.accounts.CurrentUser;
import ru.paragraf.sferum.accounts.Role;

/**
 * «Загрузка идентификаторов и токенов (CSV)»: a city or district operator uploads the hand-down file, watches its rows
 * being verified, applies the rows that passed and downloads the report. A preview exists only for its uploader.
 */
@Controller
@RequestMapping("/linkbase/import")
class HanddownPages {

    private final HanddownPreview previews;
    private final HanddownApply applying;
    private final Handdowns handdowns;
    private final LinkbaseTexts texts;
    private final LinkbaseProperties properties;

    HanddownPages(
            HanddownPreview previews,
            HanddownApply applying,
            Handdowns handdowns,
            LinkbaseTexts texts,
            LinkbaseProperties properties) {
        this.previews = previews;
        this.applying = applying;
        this.handdowns = handdowns;
        this.texts = texts;
        this.properties = properties;
    }

    @GetMapping
    String form(CurrentUser user, Model model) {
        requireOperator(user);
        model.addAttribute(
                "scopeText", texts.get("linkbase.import.scope." + user.role().name()));
        model.addAttribute("maxRows", String.valueOf(properties.handdown().maxRows()));
        model.addAttribute(
                "maxKilobytes",
                String.valueOf(properties.handdown().maxFileSize().toKilobytes()));
        return "linkbase/import";
    }

    @PostMapping
    String upload(
            CurrentUser user,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            Model model) {
        requireOperator(user);
        if (file == null || file.isEmpty()) {
            model.addAttribute("uploadError", texts.get("linkbase.file.missing"));
            return form(user, model);
        }
        var maxSize = properties.handdown().maxFileSize();
        if (file.getSize() > maxSize.toBytes()) {
            model.addAttribute(
                    "uploadError", texts.get("linkbase.file.tooLarge", String.valueOf(maxSize.toKilobytes())));
            return form(user, model);
        }
        var name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
        var upload = previews.create(user, name, bytes(file));
        if (upload instanceof HanddownPreview.Started started) {
            return "redirect:/linkbase/import/" + started.handdown();
        }
        model.addAttribute("uploadError", ((HanddownPreview.Unreadable) upload).message());
        return form(user, model);
    }

    @GetMapping("/{id}")
    String preview(CurrentUser user, @PathVariable UUID id, Model model) {
        model.addAttribute("handdown", view(user, id));
        return "linkbase/handdown";
    }

    /** Polled by htmx while rows are verified; once they are, the browser reloads the whole preview. */
    @GetMapping("/{id}/progress")
    Object progress(CurrentUser user, @PathVariable UUID id, Model model) {
        var view = view(user, id);
        if (!view.verifying()) {
            return ResponseEntity.ok()
                    .header("HX-Redirect", "/linkbase/import/" + id)
                    .body("");
        }
        model.addAttribute("handdown", view);
        return "linkbase/handdown :: progress";
    }

    @PostMapping("/{id}/apply")
    String apply(CurrentUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        requireOperator(user);
        var outcome = applying.apply(user, id).orElseThrow(LinkbasePages::notFound);
        if (outcome instanceof HanddownApply.Applied applied) {
            notice(redirect, "success", texts.get("linkbase.apply.applied", String.valueOf(applied.rows())));
        } else if (outcome instanceof HanddownApply.AlreadyApplied) {
            notice(redirect, "info", texts.get("linkbase.apply.already"));
        } else if (outcome instanceof HanddownApply.Failed failed) {
            notice(redirect, "danger", failed.message());
        } else if (outcome instanceof HanddownApply.Expired) {
            notice(redirect, "danger", texts.get("linkbase.apply.expired"));
        } else if (outcome instanceof HanddownApply.NotReady) {
            notice(redirect, "warning", texts.get("linkbase.apply.notReady"));
        } else {
            notice(redirect, "warning", texts.get("linkbase.apply.nothing"));
        }
        return "redirect:/linkbase/import/" + id;
    }

    @GetMapping("/{id}/report.csv")
    ResponseEntity<byte[]> report(CurrentUser user, @PathVariable UUID id) {
        var view = view(user, id);
        var disposition = ContentDisposition.attachment()
                .filename("linkbase-report-" + id + ".csv", StandardCharsets.UTF_8)
                .build();
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .body(HanddownReport.csv(view, texts).getBytes(StandardCharsets.UTF_8));
    }

    private HanddownView view(CurrentUser user, UUID id) {
        requireOperator(user);
        var handdown = handdowns.find(id, user.accountId()).orElseThrow(LinkbasePages::notFound);
        return HanddownView.of(handdown, handdowns.rows(id), texts);
    }

    private static void notice(RedirectAttributes redirect, String kind, String text) {
        redirect.addFlashAttribute("notice", text);
        redirect.addFlashAttribute("noticeKind", kind);
    }

    private static void requireOperator(CurrentUser user) {
        if (!user.is(Role.CITY_OPERATOR) && !user.is(Role.DISTRICT_OPERATOR)) {
            throw new ResponseStatusException(FORBIDDEN);
        }
    }

    private static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
