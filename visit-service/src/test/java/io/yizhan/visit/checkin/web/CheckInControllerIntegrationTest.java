package io.yizhan.visit.checkin.web;

import io.yizhan.testkit.YizhanIntegrationTest;
import org.springframework.test.context.TestPropertySource;

/**
 * Check-ins answered by WebFlux and {@link VisitController}, with the Netty route switched off
 * (the way back if the route ever misbehaves): every answer as through the route.
 */
@YizhanIntegrationTest
@TestPropertySource(properties = "yizhan.visits.check-in-route.enabled=false")
class CheckInControllerIntegrationTest extends CheckInAnswers {}
