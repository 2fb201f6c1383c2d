package ru.paragraf.sferum.exchange;

import java.util.List;

/**
 * One page of a longer list.
 *
 * @param page the page number, from 1
 */
record PageOf<T>(List<T> content, int page, int size, int totalElements) {

    public int totalPages() {
        return Math.max(1, (totalElements + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < totalPages();
    }

    static int offset(int page, int size) {
        return (Math.max(1, page) - 1) * size;
    }
}
