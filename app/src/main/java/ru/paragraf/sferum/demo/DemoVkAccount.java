package ru.paragraf.sferum.demo;

/**
 * A demo teacher's test account in the in-process VK emulator, with which the teacher passes VK ID's login form when
 * linking a VK ID in the diary. It exists only in the emulator (embedded demo mode), never at VK.
 *
 * @param username the teacher's demo login in our application, {@code teacher1-01}
 * @param vkUserId the VK user id that arrives in the staff file once the VK ID is linked
 * @param login what the teacher types into VK ID's login form
 */
record DemoVkAccount(
        int school, String username, String person, long vkUserId, String login, String password, boolean featured) {

    @Override
    public String toString() {
        return "DemoVkAccount[" + username + ", " + vkUserId + "]";
    }
}
