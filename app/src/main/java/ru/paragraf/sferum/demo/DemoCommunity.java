package ru.paragraf.sferum.demo;

import java.util.UUID;

/**
 * The Sferum community of a demo school, as the city would hand it down: id and full token. Shown in embedded demo
 * mode only, where the community lives in the in-process VK emulator.
 */
record DemoCommunity(int school, UUID organization, String schoolName, long id, String name, String token) {

    @Override
    public String toString() {
        return "DemoCommunity[" + id + ", " + name + "]";
    }
}
