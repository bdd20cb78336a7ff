/** Provider accounts: base URLs checked against SSRF, API keys sealed at rest, and master-key rotation. */
@NullMarked
package dev.tollgate.admin.provider;

import org.jspecify.annotations.NullMarked;
