package dev.tollgate.admin.user;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.jspecify.annotations.Nullable;

/**
 * The answer to creating a user.
 *
 * @param user the user
 * @param initialPassword the generated password, shown only in this answer; absent when the admin chose one
 */
record CreatedUser(
        @JsonUnwrapped UserView user,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable String initialPassword) {

    @Override
    public String toString() {
        return "CreatedUser[id=" + user.id() + "]";
    }
}
