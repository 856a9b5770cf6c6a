/**
 * Small pieces every module may use: problem-detail errors, secrets hashing and clocks.
 * Kept tiny on purpose; anything with behaviour of its own belongs in a feature module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package dev.parley.shared;
