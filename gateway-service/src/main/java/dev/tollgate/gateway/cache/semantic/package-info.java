/**
 * The semantic response cache: the last user turn of a prompt embedded (in process with MiniLM, or by an embeddings
 * route), compared with the prompts answered before in the same scope (tenant, route, earlier turns, parameters), and
 * the stored answer of the nearest one served when it is similar enough. Entries persist in Redis beside the exact
 * cache's answers; the vector index is in process ({@link dev.tollgate.gateway.cache.semantic.VectorBuckets}), or
 * RediSearch where the server has it. Fails open: an embedding or index failure is a miss.
 */
@NullMarked
package dev.tollgate.gateway.cache.semantic;

import org.jspecify.annotations.NullMarked;
