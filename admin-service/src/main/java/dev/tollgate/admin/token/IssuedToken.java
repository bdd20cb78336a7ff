package dev.tollgate.admin.token;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

/**
 * The answer to issuing a token: the only time the token is ever shown.
 *
 * @param details the token's details
 * @param token the bearer token itself, {@code tg-…}
 */
record IssuedToken(@JsonUnwrapped TokenView details, String token) {

    @Override
    public String toString() {
        return "IssuedToken[id=" + details.id() + "]";
    }
}
