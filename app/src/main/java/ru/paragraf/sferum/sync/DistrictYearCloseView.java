package ru.paragraf.sferum.sync;

import java.util.List;
import java.util.UUID;

/**
 * «Закрыть учебный год» for every school of a district: each school's preview and the sums.
 *
 * @param schoolsToClose the schools whose year is not closed yet
 */
record DistrictYearCloseView(
        UUID districtId,
        String district,
        UUID yearId,
        String year,
        List<YearCloseView> schools,
        int schoolsToClose,
        int chats,
        int callsToFinish,
        int membersToRemove) {

    static DistrictYearCloseView of(
            UUID districtId, String district, UUID yearId, String year, List<YearCloseView> schools) {
        var open = schools.stream().filter(school -> !school.closed()).toList();
        return new DistrictYearCloseView(
                districtId,
                district,
                yearId,
                year,
                schools,
                open.size(),
                open.stream().mapToInt(school -> school.chats().size()).sum(),
                open.stream().mapToInt(YearCloseView::callsToFinish).sum(),
                open.stream().mapToInt(YearCloseView::membersToRemove).sum());
    }
}
