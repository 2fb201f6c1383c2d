package ru.paragraf.sferum.diary;

/** The VK account is linked to another employee already: one VK account links to one teacher at most. */
class VkAccountTakenException extends RuntimeException {

    VkAccountTakenException() {
        super("This VK account is linked to another employee");
    }
}
