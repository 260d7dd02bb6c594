/**
 * Plain exceptions the domain throws when a request cannot be served, with messages for people
 * (Chinese first). The web adapter turns them into RFC 9457 problem details; they carry no
 * framework types, so domain code may use them.
 */
@NullMarked
package io.yizhan.support.problem;

import org.jspecify.annotations.NullMarked;
