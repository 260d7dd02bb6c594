/** The indicators' persistence adapter. */
@NullMarked
package io.yizhan.assessment.indicators.persistence;

import org.jspecify.annotations.NullMarked;
