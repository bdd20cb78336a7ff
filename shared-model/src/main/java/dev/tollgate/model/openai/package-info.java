/**
 * The OpenAI-compatible wire contract: requests, responses, stream chunks, embeddings, model lists and the error
 * envelope. Every record keeps the fields it does not model in {@code extra}, so they reach the upstream unchanged.
 */
@NullMarked
package dev.tollgate.model.openai;

import org.jspecify.annotations.NullMarked;
