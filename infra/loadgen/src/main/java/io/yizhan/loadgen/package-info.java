/**
 * The demo city (Xi'an's districts and development zones, stations placed plausibly) and the
 * benchmark driver. Talks to the platform only over its public HTTP API, like any client.
 */
@NullMarked
package io.yizhan.loadgen;

import org.jspecify.annotations.NullMarked;
