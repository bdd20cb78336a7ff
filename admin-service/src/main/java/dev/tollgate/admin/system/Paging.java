package dev.tollgate.admin.system;

/**
 * A page of a list as asked for by {@code ?page=&size=}: zero-based page, at most {@value #MAX_SIZE} items.
 *
 * @param page zero-based page number
 * @param size items per page
 */
public record Paging(int page, int size) {

    public static final int MAX_SIZE = 100;

    public Paging {
        if (page < 0) {
            throw AdminException.badRequest("page must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw AdminException.badRequest("size must be between 1 and " + MAX_SIZE);
        }
    }

    public long offset() {
        return (long) page * size;
    }
}
