/** Virtual keys: issuing, listing, rotating and revoking the secrets applications present to the gateway. */
@NullMarked
package dev.tollgate.admin.apikey;

import org.jspecify.annotations.NullMarked;
