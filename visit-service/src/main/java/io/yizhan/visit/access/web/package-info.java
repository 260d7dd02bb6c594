/** Who may do what in visit-service: anonymous check-ins, district feeds, the city's administration. */
@NullMarked
package io.yizhan.visit.access.web;

import org.jspecify.annotations.NullMarked;
