package ru.paragraf.sferum.school.oneroster;

import static org.springframework.http.HttpStatus.BAD_REQUEST;
import static org.springframework.http.HttpStatus.CONTENT_TOO_LARGE;
import static org.springframework.http.HttpStatus.INTERNAL_SERVER_ERROR;
import static org.springframework.http.HttpStatus.UNPROCESSABLE_CONTENT;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import ru.paragraf.sferum.accounts.CurrentUser;

/**
 * The import as an API: 200 with the report when the package was written, 422 problem details listing every
 * problem when it was not, 400 when the upload is not a readable ZIP (413 when too large).
 */
@RestController
@Tag(name = "Import")
class OneRosterImportApi {

    private final OneRosterImport imports;
    private final ImportReports reports;

    OneRosterImportApi(OneRosterImport imports, ImportReports reports) {
        this.imports = imports;
        this.reports = reports;
    }

    @PostMapping(path = "/api/import/oneroster", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(
            summary = "Import school data from a OneRoster 1.2 CSV package",
            description = "Multipart part `file`: a ZIP with manifest.csv, orgs.csv, academicSessions.csv, courses.csv,"
                    + " classes.csv, users.csv, enrollments.csv and optionally roles.csv. All or nothing: rows are"
                    + " matched by sourcedId, and any problem leaves the database unchanged.")
    @ApiResponse(responseCode = "200", description = "Written; the body counts created, updated and unchanged rows")
    @ApiResponse(responseCode = "400", description = "Not a readable ZIP, or no file part")
    @ApiResponse(responseCode = "413", description = "The ZIP is larger than allowed")
    @ApiResponse(responseCode = "422", description = "Problem details; property `problems` lists every problem")
    ResponseEntity<?> upload(CurrentUser user, @RequestPart("file") MultipartFile file) {
        var report = imports.run(user, file.getSize(), file);
        switch (report.outcome()) {
            case APPLIED:
                return ResponseEntity.ok(report);
            case REJECTED:
                var problem = ProblemDetail.forStatusAndDetail(UNPROCESSABLE_CONTENT, report.summary());
                problem.setTitle(reports.message("oneroster.title.rejected"));
                problem.setProperty("problemCount", report.problemCount());
                problem.setProperty("problemsByFile", report.problemsByFile());
                problem.setProperty("problems", report.problems());
                return ResponseEntity.unprocessableContent().body(problem);
            default:
                var failure = ProblemDetail.forStatusAndDetail(INTERNAL_SERVER_ERROR, report.summary());
                failure.setTitle(reports.message("oneroster.title.failed"));
                return ResponseEntity.internalServerError().body(failure);
        }
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> on(MalformedPackageException e) {
        var status = e.isTooLarge() ? CONTENT_TOO_LARGE : BAD_REQUEST;
        var problem = ProblemDetail.forStatusAndDetail(status, reports.malformed(e));
        problem.setTitle(reports.message("oneroster.title.malformed"));
        return ResponseEntity.status(status).body(problem);
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> onTooLarge(MaxUploadSizeExceededException e) {
        return on(MalformedPackageException.tooLarge());
    }

    @ExceptionHandler({MissingServletRequestPartException.class, MultipartException.class})
    ResponseEntity<ProblemDetail> onMissingFile(Exception e) {
        return on(MalformedPackageException.because("noFile"));
    }
}
