package ru.paragraf.sferum.school.generator;

/** A Russian full name: family name, given name and patronymic, agreeing in grammatical gender. */
record PersonName(String last, String first, String middle, boolean male) {

    String full() {
        return last + " " + first + " " + middle;
    }
}
