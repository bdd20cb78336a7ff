package dev.tollgate.admin.system;

import java.util.List;

/**
 * One page of a list answer: {@code {"items":[…],"page","size","total"}}.
 *
 * @param items the items on this page
 * @param page zero-based page number
 * @param size the page size asked for
 * @param total how many items all pages hold
 */
public record PageView<T>(List<T> items, int page, int size, long total) {

    public static <T> PageView<T> of(List<T> items, Paging paging, long total) {
        return new PageView<>(items, paging.page(), paging.size(), total);
    }

    /** How many pages all items fill; at least one, so an empty list still has a page 1 of 1. */
    public long pageCount() {
        return Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    /** One-based number of the first item on this page, for "21–40 of 57"; 0 when there are none. */
    public long firstItem() {
        return items.isEmpty() ? 0 : (long) page * size + 1;
    }

    public long lastItem() {
        return (long) page * size + items.size();
    }
}
