package ru.paragraf.sferum.secrets;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Opened secrets kept in memory for a short while, so that the sync engine does not read and open a token for each
 * of its operations. The module that stores the sealed values owns one and forgets an entry whenever the value
 * changes ({@link #forget}): at once, and again when the changing transaction ends, so that a reader that loaded the
 * old value meanwhile cannot keep it. A value loaded while an entry was forgotten is not kept ({@link #get} compares
 * generations). Another node's change is seen once the entry expires ({@code expiry}); the caller must cope with a
 * value that is that old. The values are never logged: this class has no {@code toString} of its entries.
 *
 * @param <K> what the secret belongs to (an organization, an employee)
 * @param <V> the opened value
 */
public final class OpenedSecrets<K, V> {

    private final Cache<K, V> opened;
    private final AtomicLong generation = new AtomicLong();

    public OpenedSecrets(Duration expiry, long maximumSize) {
        this.opened = Caffeine.newBuilder()
                .expireAfterWrite(expiry)
                .maximumSize(maximumSize)
                .build();
    }

    /** The kept value, or the loaded one (kept if present and nothing was forgotten while it was loaded). */
    public Optional<V> get(K key, Function<K, Optional<V>> load) {
        var kept = opened.getIfPresent(key);
        if (kept != null) {
            return Optional.of(kept);
        }
        var before = generation.get();
        var loaded = load.apply(key);
        loaded.ifPresent(value -> {
            if (generation.get() == before) {
                opened.put(key, value);
            }
        });
        return loaded;
    }

    /** The kept value, if any; nothing is loaded. */
    public Optional<V> kept(K key) {
        return Optional.ofNullable(opened.getIfPresent(key));
    }

    /** Keeps a value read or stored since {@link #generation()} said {@code generationBefore}, unless something was forgotten meanwhile. */
    public void keep(K key, V value, long generationBefore) {
        if (generation.get() == generationBefore) {
            opened.put(key, value);
        }
    }

    /** The current generation, for {@link #keep}: read it before loading the value that is to be kept. */
    public long generation() {
        return generation.get();
    }

    /** The key's value changed (or may have): forgotten now and when the current transaction ends. */
    public void forget(K key) {
        forgetNow(key);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forgetNow(key);
                }
            });
        }
    }

    /** Every value changed (or may have): a key rotation re-sealed them. */
    public void forgetAll() {
        generation.incrementAndGet();
        opened.invalidateAll();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    generation.incrementAndGet();
                    opened.invalidateAll();
                }
            });
        }
    }

    private void forgetNow(K key) {
        generation.incrementAndGet();
        opened.invalidate(key);
    }
}
