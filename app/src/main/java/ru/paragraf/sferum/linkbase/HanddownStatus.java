package ru.paragraf.sferum.linkbase;

/** Where a hand-down preview is: rows being verified, ready for «Применить», or applied. */
enum HanddownStatus {
    VERIFYING,
    READY,
    APPLIED
}
