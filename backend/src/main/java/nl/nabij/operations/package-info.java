/**
 * How an instance runs behind a load balancer: on shutdown it first reports itself unready and keeps serving for a
 * while, so the balancer stops sending it requests before its port closes.
 */
package nl.nabij.operations;
