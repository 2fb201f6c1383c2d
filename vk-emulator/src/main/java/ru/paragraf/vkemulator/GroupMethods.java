package ru.paragraf.vkemulator;

import java.util.ArrayList;
import java.util.List;

/** groups.getById and groups.getTokenPermissions. */
final class GroupMethods {

    record GroupsResponse(List<Profiles.GroupObject> groups, List<Object> profiles) {}

    record TokenPermissions(int mask, List<Permission> permissions) {}

    record Permission(String name, int setting) {}

    private final EmulatorState state;

    GroupMethods(EmulatorState state) {
        this.state = state;
    }

    /** 5.199 shape; with a community token and no ids, the token's own community. */
    Object getById(ApiRequest request) {
        var references = new ArrayList<>(request.params().list("group_ids"));
        references.addAll(request.params().list("group_id"));
        if (references.isEmpty()) {
            if (!request.byCommunity()) {
                throw ApiError.param("group_ids is undefined");
            }
            references.add(String.valueOf(request.token().ownerId()));
        }
        var groups = new ArrayList<Profiles.GroupObject>();
        for (var reference : references) {
            var community = state.directory.communityByReference(reference);
            if (community == null) {
                throw ApiError.param("group_ids is invalid");
            }
            groups.add(Profiles.group(community));
        }
        return new GroupsResponse(groups, List.of());
    }

    Object getTokenPermissions(ApiRequest request) {
        int mask = request.token().permissionMask();
        var permissions = CommunityPermission.fromMask(mask).stream()
                .map(p -> new Permission(p.apiName(), p.bit()))
                .toList();
        return new TokenPermissions(mask, permissions);
    }
}
