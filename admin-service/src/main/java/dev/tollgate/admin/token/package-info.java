/** API tokens for automation: each user issues and revokes their own; platform admins see and revoke everyone's. */
@NullMarked
package dev.tollgate.admin.token;

import org.jspecify.annotations.NullMarked;
