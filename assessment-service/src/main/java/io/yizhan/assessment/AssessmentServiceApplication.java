package io.yizhan.assessment;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class AssessmentServiceApplication {

  public static void main(String[] args) {
    SpringApplication.run(AssessmentServiceApplication.class, args);
  }
}
