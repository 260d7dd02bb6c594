/** assessment-service: indicators and star assessments of stations. */
@NullMarked
package io.yizhan.assessment;

import org.jspecify.annotations.NullMarked;
