/**
 * The assistant: answers a customer's question from the knowledge base or escalates it to people,
 * with a calibrated confidence and an honest message either way.
 */
package dev.parley.assistant;
