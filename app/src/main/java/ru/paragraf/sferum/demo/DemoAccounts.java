package ru.paragraf.sferum.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import ru.paragraf.sferum.accounts.NewAccount;
import ru.paragraf.sferum.school.SchoolDirectory;
import ru.paragraf.sferum.school.SchoolPerson;
import ru.paragraf.sferum.school.generator.GeneratedCity;
import ru.paragraf.sferum.school.generator.GeneratedSchool;

/**
 * The accounts of a demo city and their logins, with usernames easy to remember: {@code city}, {@code district1},
 * {@code admin1}, {@code teacher1-01}, {@code pupil1-0001}, {@code parent1-0001}; the first number is the school's.
 * The people the generator picked for demos come first, so {@code teacher1-01} teaches the class of
 * {@code pupil1-0001}, whose parent is {@code parent1-0001}.
 */
final class DemoAccounts {

    final List<NewAccount> accounts = new ArrayList<>();
    final List<DemoLogin> logins = new ArrayList<>();
    private final SchoolDirectory directory;
    private final DemoTexts texts;

    private DemoAccounts(SchoolDirectory directory, DemoTexts texts) {
        this.directory = directory;
        this.texts = texts;
    }

    static DemoAccounts of(GeneratedCity city, SchoolDirectory directory, DemoTexts texts) {
        var plan = new DemoAccounts(directory, texts);
        plan.add(NewAccount.cityOperator("city", texts.get("demo.account.city")), null, "", "", true);
        for (int i = 0; i < city.districts().size(); i++) {
            var district = city.districts().get(i);
            var place = texts.get("demo.district", district.name());
            var account = NewAccount.districtOperator(
                    "district" + (i + 1), texts.get("demo.account.district", district.name()), district.id());
            plan.add(account, null, place, "", true);
        }
        for (int i = 0; i < city.schools().size(); i++) {
            plan.addSchool(i + 1, city.schools().get(i));
        }
        return plan;
    }

    private void addSchool(int number, GeneratedSchool school) {
        var organization = school.organizationId();
        var place = school.shortName();
        var admin = directory.employee(school.adminEmployeeId()).orElseThrow();
        add(
                NewAccount.schoolAdmin("admin" + number, admin.fullName(), organization, admin.id()),
                number,
                place,
                admin.detail(),
                true);
        var teachers = featuredFirst(directory.teachers(organization), school.teacherIds());
        for (int i = 0; i < teachers.size(); i++) {
            var teacher = teachers.get(i);
            var username = "teacher%d-%s".formatted(number, padded(i + 1, teachers.size(), 2));
            add(
                    NewAccount.teacher(username, teacher.fullName(), organization, teacher.id()),
                    number,
                    place,
                    teacher.detail(),
                    i < school.teacherIds().size());
        }
        var pupils = featuredFirst(directory.pupils(organization), List.of(school.pupilId()));
        for (int i = 0; i < pupils.size(); i++) {
            var pupil = pupils.get(i);
            var username = "pupil%d-%s".formatted(number, padded(i + 1, pupils.size(), 4));
            add(
                    NewAccount.pupil(username, pupil.fullName(), organization, pupil.id()),
                    number,
                    place,
                    pupil.detail(),
                    i == 0);
        }
        var parents = featuredFirst(directory.parents(organization), List.of(school.parentId()));
        for (int i = 0; i < parents.size(); i++) {
            var parent = parents.get(i);
            var username = "parent%d-%s".formatted(number, padded(i + 1, parents.size(), 4));
            add(
                    NewAccount.parent(username, parent.fullName(), organization, parent.id()),
                    number,
                    place,
                    parent.detail(),
                    i == 0);
        }
    }

    private void add(NewAccount account, @Nullable Integer school, String place, String detail, boolean featured) {
        accounts.add(account);
        logins.add(new DemoLogin(
                account.username(),
                account.role(),
                school,
                account.organizationId(),
                place,
                account.displayName(),
                detail,
                featured,
                logins.size()));
    }

    /** The featured people in their order, then everybody else in the directory's order. */
    private static List<SchoolPerson> featuredFirst(List<SchoolPerson> people, List<UUID> featured) {
        var ordered = new ArrayList<SchoolPerson>(people.size());
        for (var id : featured) {
            people.stream().filter(person -> person.id().equals(id)).forEach(ordered::add);
        }
        people.stream().filter(person -> !featured.contains(person.id())).forEach(ordered::add);
        return ordered;
    }

    private static String padded(int value, int count, int minimumWidth) {
        int width = Math.max(minimumWidth, Integer.toString(count).length());
        return ("%0" + width + "d").formatted(value);
    }
}
