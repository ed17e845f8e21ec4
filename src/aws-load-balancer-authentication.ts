/**
 * An OpenID Connect identity provider for an AWS Application Load Balancer
 * (`alb.ingress.kubernetes.io/auth-idp-oidc`).
 */
export interface AwsLoadBalancerOidcOptions {
  /** The issuer, e.g. `https://login.example.com`. */
  readonly issuer: string;
  /** The authorization endpoint (https). */
  readonly authorizationEndpoint: string;
  /** The token endpoint (https). */
  readonly tokenEndpoint: string;
  /** The user info endpoint (https). */
  readonly userInfoEndpoint: string;
  /** The Secret, in the Ingress's namespace, with the `clientID` and `clientSecret` keys. */
  readonly secretName: string;
  /**
   * The scopes to request (`alb.ingress.kubernetes.io/auth-scope`).
   *
   * @default - the controller's default, `openid`
   */
  readonly scope?: string;
}

/**
 * An Amazon Cognito user pool for an AWS Application Load Balancer
 * (`alb.ingress.kubernetes.io/auth-idp-cognito`).
 */
export interface AwsLoadBalancerCognitoOptions {
  /** The ARN of the user pool. */
  readonly userPoolArn: string;
  /** The ID of the user pool's app client. */
  readonly userPoolClientId: string;
  /** The user pool's domain prefix (or full domain). */
  readonly userPoolDomain: string;
  /**
   * The scopes to request (`alb.ingress.kubernetes.io/auth-scope`).
   *
   * @default - the controller's default, `openid`
   */
  readonly scope?: string;
}
