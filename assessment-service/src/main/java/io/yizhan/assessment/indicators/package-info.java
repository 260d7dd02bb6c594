/**
 * Indicators: what the platform observed about each station (listing, visits, the share of
 * new-employment-form workers), fed by events, the evidence for "service effectiveness".
 */
@NullMarked
package io.yizhan.assessment.indicators;

import org.jspecify.annotations.NullMarked;
