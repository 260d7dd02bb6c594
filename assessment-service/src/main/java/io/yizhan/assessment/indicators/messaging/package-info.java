/** The indicators' messaging adapter. */
@NullMarked
package io.yizhan.assessment.indicators.messaging;

import org.jspecify.annotations.NullMarked;
