package ru.paragraf.sferum.diary;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import ru.paragraf.sferum.accounts.CurrentUser;
import ru.paragraf.sferum.accounts.Role;
import ru.paragraf.sferum.school.TimetableLesson;
import ru.paragraf.sferum.school.Timetables;

/**
 * The diary's week view for pupils, parents (choosing one of their children) and teachers, with the call state
 * and link of each video lesson.
 */
@Controller
class DiaryPages {

    private final Timetables timetables;
    private final LessonCalls calls;
    private final Clock clock;

    DiaryPages(Timetables timetables, LessonCalls calls, Clock clock) {
        this.timetables = timetables;
        this.calls = calls;
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
            show(model, monday, timetables.ofTeacher(user.employeeId(), monday, sunday));
        } else if (user.is(Role.PUPIL)) {
            show(model, monday, timetables.ofPupil(user.pupilId(), monday, sunday));
        } else {
            var choice = ChildChoice.of(timetables.childrenOf(user.parentId()), child);
            model.addAttribute("children", choice.children());
            if (choice.selected() != null) {
                model.addAttribute("child", choice.selected());
                show(model, monday, timetables.ofPupil(choice.selected().id(), monday, sunday));
            }
        }
        return "diary/week";
    }

    private void show(Model model, LocalDate monday, List<TimetableLesson> lessons) {
        model.addAttribute("week", DiaryWeek.of(monday, lessons));
        model.addAttribute("calls", calls.of(lessons));
    }
}
