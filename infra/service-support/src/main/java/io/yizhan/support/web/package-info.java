/** HTTP errors as RFC 9457 problem details, in Chinese first, saying what to do. */
@NullMarked
package io.yizhan.support.web;

import org.jspecify.annotations.NullMarked;
