// The GraphQL documents the connector sends (Admin API 2025-01), with the cost Shopify's published
// rules give them, used only until the shop reports the real requested cost.
// Rules: object 1, scalar 0, connection 2 + first × node, list (first ?? 1) × element, mutation 10.

/** Lines fetched with each order; orders with more lines get a follow-up query. */
export const LINES_PER_ORDER = 10;

const MONEY = 'shopMoney { amount currencyCode }';

export const ORDER_FIELDS = /* GraphQL */ `
fragment RecoupOrder on Order {
  id name createdAt updatedAt cancelledAt currencyCode email phone
  totalPriceSet { ${MONEY} }
  totalShippingPriceSet { ${MONEY} }
  totalRefundedSet { ${MONEY} }
  customer { id email firstName lastName phone }
  shippingAddress { name address1 address2 city province provinceCode zip countryCodeV2 }
  lineItems(first: ${LINES_PER_ORDER}) {
    pageInfo { hasNextPage endCursor }
    nodes { ...RecoupLine }
  }
}
fragment RecoupLine on LineItem {
  id title variantTitle sku quantity
  discountedUnitPriceSet { ${MONEY} }
  product { id }
  variant { id }
}`;

// order 1 + three money bags 2 each + customer 1 + address 1 + lines connection (2 + n × (1 + 2 + 1 + 1))
export const LINE_COST = 5;
export const ORDER_COST = 1 + 6 + 1 + 1 + 2 + LINES_PER_ORDER * LINE_COST;

export const LIST_ORDERS = /* GraphQL */ `
query RecoupOrders($first: Int!, $after: String, $query: String) {
  orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
    pageInfo { hasNextPage endCursor }
    nodes { ...RecoupOrder }
  }
}
${ORDER_FIELDS}`;
export const listOrdersCost = (first: number) => 2 + first * ORDER_COST;

export const GET_ORDER = /* GraphQL */ `
query RecoupOrder($id: ID!) { order(id: $id) { ...RecoupOrder } }
${ORDER_FIELDS}`;

export const MORE_LINES = /* GraphQL */ `
query RecoupOrderLines($id: ID!, $first: Int!, $after: String) {
  order(id: $id) { lineItems(first: $first, after: $after) { pageInfo { hasNextPage endCursor } nodes { ...RecoupLine } } }
}
fragment RecoupLine on LineItem {
  id title variantTitle sku quantity
  discountedUnitPriceSet { ${MONEY} }
  product { id }
  variant { id }
}`;
export const moreLinesCost = (first: number) => 1 + 2 + first * LINE_COST;

const REFUND_FIELDS = `id createdAt note totalRefundedSet { ${MONEY} }`;

export const REFUND_CONTEXT = /* GraphQL */ `
query RecoupRefundContext($id: ID!, $lines: [RefundLineItemInput!], $full: Boolean) {
  order(id: $id) {
    id currencyCode note
    customer { id }
    refunds(first: 50) { ${REFUND_FIELDS} }
    suggestedRefund(refundLineItems: $lines, suggestFullRefund: $full) {
      amountSet { ${MONEY} }
      maximumRefundableSet { ${MONEY} }
      suggestedTransactions { gateway amountSet { ${MONEY} } maximumRefundableSet { ${MONEY} } parentTransaction { id } }
    }
  }
}`;
export const REFUND_CONTEXT_COST = 1 + 1 + 50 * 3 + 1 + 2 + 2 + (1 + 2 + 2 + 1);

export const ORDER_REFUNDS = /* GraphQL */ `
query RecoupOrderRefunds($id: ID!) { order(id: $id) { id currencyCode note refunds(first: 50) { ${REFUND_FIELDS} } } }`;
export const ORDER_REFUNDS_COST = 1 + 50 * 3;

export const REFUND_CREATE = /* GraphQL */ `
mutation RecoupRefundCreate($input: RefundInput!) {
  refundCreate(input: $input) {
    refund { ${REFUND_FIELDS} }
    userErrors { field message }
  }
}`;

export const STORE_CREDIT = /* GraphQL */ `
mutation RecoupStoreCredit($id: ID!, $creditInput: StoreCreditAccountCreditInput!) {
  storeCreditAccountCredit(id: $id, creditInput: $creditInput) {
    storeCreditAccountTransaction { id createdAt amount { amount currencyCode } }
    userErrors { field message code }
  }
}`;

export const ORDER_NOTE = /* GraphQL */ `
mutation RecoupOrderNote($input: OrderInput!) { orderUpdate(input: $input) { order { id note } userErrors { field message } } }`;

export const TAGS_ADD = /* GraphQL */ `
mutation RecoupTagsAdd($id: ID!, $tags: [String!]!) { tagsAdd(id: $id, tags: $tags) { userErrors { field message } } }`;

export const FULFILLMENT_CONTEXT = /* GraphQL */ `
query RecoupFulfillmentContext($id: ID!) {
  order(id: $id) {
    id
    fulfillments(first: 20) { id trackingInfo(first: 3) { number } }
    fulfillmentOrders(first: 5) {
      nodes { id status lineItems(first: 25) { nodes { id remainingQuantity lineItem { id } } } }
    }
  }
}`;
export const FULFILLMENT_CONTEXT_COST = 1 + 20 * (1 + 3) + 2 + 5 * (1 + 2 + 25 * 2);

export const FULFILLMENT_CREATE = /* GraphQL */ `
mutation RecoupFulfillmentCreate($fulfillment: FulfillmentInput!) {
  fulfillmentCreate(fulfillment: $fulfillment) { fulfillment { id status } userErrors { field message } }
}`;

export const CUSTOMER_BY_EMAIL = /* GraphQL */ `
query RecoupCustomerByEmail($query: String!) { customers(first: 1, query: $query) { nodes { id } } }`;

export const DISCOUNT_BY_CODE = /* GraphQL */ `
query RecoupDiscountByCode($code: String!) {
  codeDiscountNodeByCode(code: $code) { id codeDiscount { ... on DiscountCodeBasic { title codes(first: 1) { nodes { code } } } } }
}`;

export const DISCOUNT_CREATE = /* GraphQL */ `
mutation RecoupDiscountCreate($basicCodeDiscount: DiscountCodeBasicInput!) {
  discountCodeBasicCreate(basicCodeDiscount: $basicCodeDiscount) {
    codeDiscountNode { id codeDiscount { ... on DiscountCodeBasic { title codes(first: 1) { nodes { code } } } } }
    userErrors { field message code }
  }
}`;

export const REFUNDABLE = /* GraphQL */ `
query RecoupRefundable($id: ID!) {
  order(id: $id) { currencyCode suggestedRefund(suggestFullRefund: true) { maximumRefundableSet { ${MONEY} } } }
}`;

export const MUTATION_COST = 10;
export const SMALL_QUERY_COST = 10;
