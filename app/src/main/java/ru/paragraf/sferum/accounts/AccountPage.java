package ru.paragraf.sferum.accounts;

import java.util.List;

/** One page of a list of accounts: {@code page} counts from 0. */
public record AccountPage(List<AccountSummary> accounts, int page, int size, long total) {

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }
}
