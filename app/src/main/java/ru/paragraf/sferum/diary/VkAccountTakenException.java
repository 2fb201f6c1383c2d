package ru.paragraf.sferum.diary;

/** The VK account is linked to another person already: one VK account links to one teacher, pupil or parent. */
class VkAccountTakenException extends RuntimeException {

    VkAccountTakenException() {
        super("This VK account is linked to another person");
    }
}
