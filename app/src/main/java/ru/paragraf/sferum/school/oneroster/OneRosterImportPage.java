package ru.paragraf.sferum.school.oneroster;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import ru.paragraf.sferum.accounts.CurrentUser;

/** The page that uploads a OneRoster package and shows its report on the same page. */
@Controller
@RequestMapping("/import/oneroster")
class OneRosterImportPage {

    private final OneRosterImport imports;
    private final ImportReports reports;

    OneRosterImportPage(OneRosterImport imports, ImportReports reports) {
        this.imports = imports;
        this.reports = reports;
    }

    @GetMapping
    String form(CurrentUser user, Model model) {
        model.addAttribute("scopeLevel", ImportScope.of(user).level().name());
        model.addAttribute("maxUploadMegabytes", reports.maxUploadMegabytes());
        return "school/oneroster-import";
    }

    @PostMapping
    String upload(
            CurrentUser user,
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            Model model) {
        try {
            if (file == null || file.isEmpty()) {
                throw MalformedPackageException.because("noFile");
            }
            model.addAttribute("report", imports.run(user, file.getSize(), file));
            model.addAttribute("fileName", file.getOriginalFilename());
        } catch (MalformedPackageException e) {
            model.addAttribute("uploadError", reports.malformed(e));
        }
        return form(user, model);
    }
}
