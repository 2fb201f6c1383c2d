package ru.paragraf.sferum.linkbase;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import ru.paragraf.sferum.school.OrganizationSummary;

/** A line of the operators' list: an organization and its credentials, if any. */
record OverviewRow(OrganizationSummary organization, @Nullable CommunityView community) {

    static List<OverviewRow> of(
            List<OrganizationSummary> organizations, Collection<StoredCommunity> stored, LinkbaseTexts texts) {
        Map<UUID, StoredCommunity> byOrganization =
                stored.stream().collect(Collectors.toMap(StoredCommunity::organizationId, Function.identity()));
        return organizations.stream()
                .map(o -> new OverviewRow(
                        o,
                        byOrganization.containsKey(o.id())
                                ? CommunityView.of(byOrganization.get(o.id()), texts)
                                : null))
                .toList();
    }

    public String state() {
        return community == null ? "NONE" : community.state();
    }
}
