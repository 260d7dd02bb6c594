/** The indicators' web adapter. */
@NullMarked
package io.yizhan.assessment.indicators.web;

import org.jspecify.annotations.NullMarked;
