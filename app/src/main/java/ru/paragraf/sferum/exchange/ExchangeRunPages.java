package ru.paragraf.sferum.exchange;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import ru.paragraf.sferum.accounts.CurrentUser;

/** The run page: live progress while it runs, its items with the errors filter and pages, the CSV export. */
@Controller
class ExchangeRunPages {

    static final int ITEMS_PER_PAGE = 50;
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmm");

    private final ExchangeAccess access;
    private final TaskManagement management;
    private final RunItems items;
    private final ExchangeViews views;
    private final RunItemsCsv csv;
    private final ExchangeTexts texts;

    ExchangeRunPages(
            ExchangeAccess access,
            TaskManagement management,
            RunItems items,
            ExchangeViews views,
            RunItemsCsv csv,
            ExchangeTexts texts) {
        this.access = access;
        this.management = management;
        this.items = items;
        this.views = views;
        this.csv = csv;
        this.texts = texts;
    }

    @GetMapping("/exchange-runs/{run}")
    String run(
            CurrentUser user,
            @PathVariable UUID run,
            @RequestParam(defaultValue = "false") boolean errors,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        var found = access.run(user, run);
        model.addAttribute("organization", access.organization(user, found.organizationId()));
        live(found, errors, page, model);
        return "exchange/run";
    }

    /**
     * The live part of the run page (progress and the shown page of items), which the page polls every 2 s while
     * the run is queued or running; the part sent once the run has ended does not poll any more.
     */
    @GetMapping("/exchange-runs/{run}/progress")
    String progress(
            CurrentUser user,
            @PathVariable UUID run,
            @RequestParam(defaultValue = "false") boolean errors,
            @RequestParam(defaultValue = "1") int page,
            Model model) {
        live(access.run(user, run), errors, page, model);
        return "exchange/run :: live";
    }

    private void live(RunRow run, boolean errors, int page, Model model) {
        model.addAttribute("run", views.run(run));
        model.addAttribute("errorsOnly", errors);
        var shown = items.page(run.id(), errors, PageOf.offset(page, ITEMS_PER_PAGE), ITEMS_PER_PAGE).stream()
                .map(views::item)
                .toList();
        model.addAttribute(
                "items", new PageOf<>(shown, Math.max(1, page), ITEMS_PER_PAGE, items.count(run.id(), errors)));
    }

    @PostMapping("/exchange-runs/{run}/cancel")
    String cancel(CurrentUser user, @PathVariable UUID run, RedirectAttributes redirect) {
        management.cancel(user, run);
        redirect.addFlashAttribute("notice", texts.text("exchange.run.cancelRequested"));
        return "redirect:/exchange-runs/" + run;
    }

    @GetMapping("/exchange-runs/{run}/items.csv")
    void export(
            CurrentUser user,
            @PathVariable UUID run,
            @RequestParam(defaultValue = "false") boolean errors,
            HttpServletResponse response)
            throws IOException {
        writeCsv(access.run(user, run), errors, response, csv, views);
    }

    static void writeCsv(RunRow run, boolean errors, HttpServletResponse response, RunItemsCsv csv, ExchangeViews views)
            throws IOException {
        var name = "exchange-run-%s-%s.csv"
                .formatted(
                        FILE_TIME.format(views.run(run).queuedAt()),
                        run.id().toString().substring(0, 8));
        response.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8).toString());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(name).build().toString());
        csv.write(run, errors, response.getOutputStream());
    }
}
