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
}
