/**
 * Adapter for AWS Bedrock's Converse and ConverseStream APIs: requests signed with SigV4, answers and binary event
 * streams translated to the OpenAI shape.
 */
@NullMarked
package dev.tollgate.gateway.provider.bedrock;

import org.jspecify.annotations.NullMarked;
