package ru.paragraf.sferum.diary;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import ru.paragraf.sferum.accounts.CurrentUser;
import ru.paragraf.sferum.accounts.Role;
import ru.paragraf.sferum.school.Timetables;

/** The diary's week view for pupils, parents (choosing one of their children) and teachers. */
@Controller
class DiaryPages {

    private final Timetables timetables;
    private final Clock clock;

    DiaryPages(Timetables timetables, Clock clock) {
        this.timetables = timetables;
        this.clock = clock;
    }

    @GetMapping("/diary")
    String week(
            CurrentUser user,
            @RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) @Nullable LocalDate week,
            @RequestParam(required = false) @Nullable UUID child,
            Model model) {
        var monday = DiaryWeek.mondayOf(week == null ? LocalDate.now(clock) : week);
        var sunday = monday.plusDays(6);
        if (user.is(Role.TEACHER)) {
            model.addAttribute("week", DiaryWeek.of(monday, timetables.ofTeacher(user.employeeId(), monday, sunday)));
        } else if (user.is(Role.PUPIL)) {
            model.addAttribute("week", DiaryWeek.of(monday, timetables.ofPupil(user.pupilId(), monday, sunday)));
        } else {
            var children = timetables.childrenOf(user.parentId());
            model.addAttribute("children", children);
            if (!children.isEmpty()) {
                var selected = children.stream()
                        .filter(it -> child == null || it.id().equals(child))
                        .findFirst()
                        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
                model.addAttribute("child", selected);
                model.addAttribute("week", DiaryWeek.of(monday, timetables.ofPupil(selected.id(), monday, sunday)));
            }
        }
        return "diary/week";
    }
}
