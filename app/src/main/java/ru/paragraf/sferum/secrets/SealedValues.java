package ru.paragraf.sferum.secrets;

/** A module's stored sealed values, which {@link KeyRotation} asks to re-seal with the current key. */
public interface SealedValues {

    /** Re-seals every value sealed with another key than the current one; returns how many were re-sealed. */
    int resealStale(SecretBox box);
}
