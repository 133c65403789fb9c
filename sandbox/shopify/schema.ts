import { buildSchema } from 'graphql';

// The slice of the Admin GraphQL API 2025-01 that Recoup uses, with Shopify's names and
// nullability. Money is a MoneyBag of MoneyV2 { amount: Decimal (string), currencyCode }.
// Store credit: 2025-01 has `storeCreditAccountCredit` (refundCreate's `refundMethods` only arrived in 2025-07).

export const SDL = /* GraphQL */ `
scalar DateTime
scalar Decimal
scalar Money
scalar URL

interface Node { id: ID! }

type PageInfo { hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String endCursor: String }
type MoneyV2 { amount: Decimal! currencyCode: String! }
type MoneyBag { shopMoney: MoneyV2! presentmentMoney: MoneyV2! }
type UserError { field: [String!] message: String! }

type Shop { id: ID! name: String! myshopifyDomain: String! currencyCode: String! }

type Customer implements Node {
  id: ID! email: String firstName: String lastName: String displayName: String! phone: String
  storeCreditAccounts(first: Int): StoreCreditAccountConnection!
}
type CustomerEdge { cursor: String! node: Customer! }
type CustomerConnection { edges: [CustomerEdge!]! nodes: [Customer!]! pageInfo: PageInfo! }

type MailingAddress {
  name: String firstName: String lastName: String address1: String address2: String city: String
  province: String provinceCode: String zip: String country: String countryCodeV2: String phone: String
}

enum OrderSortKeys { CREATED_AT UPDATED_AT ID ORDER_NUMBER PROCESSED_AT }

type Order implements Node {
  id: ID! legacyResourceId: String! name: String! createdAt: DateTime! updatedAt: DateTime! processedAt: DateTime!
  cancelledAt: DateTime closedAt: DateTime currencyCode: String! presentmentCurrencyCode: String!
  email: String phone: String note: String tags: [String!]!
  displayFinancialStatus: String displayFulfillmentStatus: String!
  totalPriceSet: MoneyBag! subtotalPriceSet: MoneyBag totalShippingPriceSet: MoneyBag! totalRefundedSet: MoneyBag!
  totalDiscountsSet: MoneyBag currentTotalPriceSet: MoneyBag! totalTaxSet: MoneyBag
  customer: Customer shippingAddress: MailingAddress
  lineItems(first: Int, after: String): LineItemConnection!
  refunds(first: Int): [Refund!]!
  fulfillments(first: Int): [Fulfillment!]!
  fulfillmentOrders(first: Int, after: String): FulfillmentOrderConnection!
  transactions(first: Int): [OrderTransaction!]!
  suggestedRefund(refundLineItems: [RefundLineItemInput!], refundShipping: Boolean, shippingAmount: Money, suggestFullRefund: Boolean = false): SuggestedRefund
}
type OrderEdge { cursor: String! node: Order! }
type OrderConnection { edges: [OrderEdge!]! nodes: [Order!]! pageInfo: PageInfo! }

type Product { id: ID! title: String! }
type ProductVariant { id: ID! title: String! sku: String }
type LineItem implements Node {
  id: ID! name: String! title: String! variantTitle: String sku: String vendor: String quantity: Int! currentQuantity: Int!
  refundableQuantity: Int! originalUnitPriceSet: MoneyBag! discountedUnitPriceSet: MoneyBag! totalDiscountSet: MoneyBag!
  product: Product variant: ProductVariant
}
type LineItemEdge { cursor: String! node: LineItem! }
type LineItemConnection { edges: [LineItemEdge!]! nodes: [LineItem!]! pageInfo: PageInfo! }

type OrderTransaction implements Node {
  id: ID! kind: String! status: String! gateway: String amountSet: MoneyBag! createdAt: DateTime! parentTransaction: OrderTransaction
}
type OrderTransactionEdge { cursor: String! node: OrderTransaction! }
type OrderTransactionConnection { edges: [OrderTransactionEdge!]! nodes: [OrderTransaction!]! pageInfo: PageInfo! }

type RefundLineItem { id: ID! lineItem: LineItem! quantity: Int! restockType: String! subtotalSet: MoneyBag! }
type RefundLineItemEdge { cursor: String! node: RefundLineItem! }
type RefundLineItemConnection { edges: [RefundLineItemEdge!]! nodes: [RefundLineItem!]! pageInfo: PageInfo! }
type Refund implements Node {
  id: ID! legacyResourceId: String! createdAt: DateTime updatedAt: DateTime! note: String totalRefundedSet: MoneyBag!
  refundLineItems(first: Int): RefundLineItemConnection! transactions(first: Int): OrderTransactionConnection! order: Order!
}

type ShippingRefund { amountSet: MoneyBag! maximumRefundableSet: MoneyBag! taxSet: MoneyBag! }
type SuggestedOrderTransaction {
  amountSet: MoneyBag! maximumRefundableSet: MoneyBag gateway: String kind: String! parentTransaction: OrderTransaction
}
type SuggestedRefund {
  amountSet: MoneyBag! maximumRefundableSet: MoneyBag! subtotalSet: MoneyBag! totalTaxSet: MoneyBag!
  shipping: ShippingRefund! refundLineItems: [RefundLineItem!]! suggestedTransactions: [SuggestedOrderTransaction!]!
}

type FulfillmentOrderLineItem { id: ID! totalQuantity: Int! remainingQuantity: Int! lineItem: LineItem! sku: String }
type FulfillmentOrderLineItemEdge { cursor: String! node: FulfillmentOrderLineItem! }
type FulfillmentOrderLineItemConnection { edges: [FulfillmentOrderLineItemEdge!]! nodes: [FulfillmentOrderLineItem!]! pageInfo: PageInfo! }
type FulfillmentOrder implements Node { id: ID! status: String! lineItems(first: Int, after: String): FulfillmentOrderLineItemConnection! }
type FulfillmentOrderEdge { cursor: String! node: FulfillmentOrder! }
type FulfillmentOrderConnection { edges: [FulfillmentOrderEdge!]! nodes: [FulfillmentOrder!]! pageInfo: PageInfo! }
type FulfillmentTrackingInfo { company: String number: String url: URL }
type Fulfillment implements Node {
  id: ID! name: String! status: String! createdAt: DateTime! updatedAt: DateTime! trackingInfo(first: Int): [FulfillmentTrackingInfo!]! order: Order!
}

type DiscountRedeemCode { id: ID! code: String! asyncUsageCount: Int! }
type DiscountRedeemCodeEdge { cursor: String! node: DiscountRedeemCode! }
type DiscountRedeemCodeConnection { edges: [DiscountRedeemCodeEdge!]! nodes: [DiscountRedeemCode!]! pageInfo: PageInfo! }
type DiscountCodeBasic {
  title: String! status: String! startsAt: DateTime! endsAt: DateTime summary: String! appliesOncePerCustomer: Boolean!
  usageLimit: Int asyncUsageCount: Int! codes(first: Int): DiscountRedeemCodeConnection!
}
union DiscountCode = DiscountCodeBasic
type DiscountCodeNode implements Node { id: ID! codeDiscount: DiscountCode! }
type DiscountUserError { field: [String!] message: String! code: String }

type GiftCard implements Node {
  id: ID! lastCharacters: String! maskedCode: String! initialValue: MoneyV2! balance: MoneyV2! note: String
  customer: Customer createdAt: DateTime! expiresOn: String enabled: Boolean!
}
type GiftCardEdge { cursor: String! node: GiftCard! }
type GiftCardConnection { edges: [GiftCardEdge!]! nodes: [GiftCard!]! pageInfo: PageInfo! }
type GiftCardUserError { field: [String!] message: String! code: String }

type StoreCreditAccountCreditTransaction {
  id: ID! amount: MoneyV2! balanceAfterTransaction: MoneyV2! createdAt: DateTime! expiresAt: DateTime account: StoreCreditAccount!
}
type StoreCreditAccountCreditTransactionEdge { cursor: String! node: StoreCreditAccountCreditTransaction! }
type StoreCreditAccountCreditTransactionConnection { edges: [StoreCreditAccountCreditTransactionEdge!]! nodes: [StoreCreditAccountCreditTransaction!]! pageInfo: PageInfo! }
type StoreCreditAccount implements Node { id: ID! balance: MoneyV2! transactions(first: Int): StoreCreditAccountCreditTransactionConnection! }
type StoreCreditAccountEdge { cursor: String! node: StoreCreditAccount! }
type StoreCreditAccountConnection { edges: [StoreCreditAccountEdge!]! nodes: [StoreCreditAccount!]! pageInfo: PageInfo! }
type StoreCreditAccountCreditUserError { field: [String!] message: String! code: String }

type QueryRoot {
  shop: Shop!
  orders(first: Int, after: String, query: String, sortKey: OrderSortKeys = ID, reverse: Boolean = false): OrderConnection!
  order(id: ID!): Order
  customers(first: Int, after: String, query: String): CustomerConnection!
  codeDiscountNodeByCode(code: String!): DiscountCodeNode
  giftCards(first: Int, after: String, query: String): GiftCardConnection!
}

input MoneyInput { amount: Decimal! currencyCode: String! }
input RefundLineItemInput { lineItemId: ID! quantity: Int! restockType: String locationId: ID }
input ShippingRefundInput { amount: Money fullRefund: Boolean }
input OrderTransactionInput { orderId: ID! gateway: String! kind: String! amount: Money! parentId: ID }
input RefundInput {
  orderId: ID! note: String notify: Boolean currency: String refundLineItems: [RefundLineItemInput!]
  shipping: ShippingRefundInput transactions: [OrderTransactionInput!] allowOverRefunding: Boolean
}
type RefundCreatePayload { refund: Refund order: Order userErrors: [UserError!]! }

input FulfillmentOrderLineItemInput { id: ID! quantity: Int! }
input FulfillmentOrderLineItemsInput { fulfillmentOrderId: ID! fulfillmentOrderLineItems: [FulfillmentOrderLineItemInput!] }
input FulfillmentTrackingInput { number: String url: URL company: String numbers: [String!] urls: [URL!] }
input FulfillmentInput { lineItemsByFulfillmentOrder: [FulfillmentOrderLineItemsInput!]! notifyCustomer: Boolean trackingInfo: FulfillmentTrackingInput }
type FulfillmentCreatePayload { fulfillment: Fulfillment userErrors: [UserError!]! }

input DiscountAmountInput { amount: Decimal appliesOnEachItem: Boolean }
input DiscountCustomerGetsValueInput { percentage: Float discountAmount: DiscountAmountInput }
input DiscountItemsInput { all: Boolean }
input DiscountCustomerGetsInput { value: DiscountCustomerGetsValueInput items: DiscountItemsInput }
input DiscountCustomersInput { add: [ID!] }
input DiscountCustomerSelectionInput { all: Boolean customers: DiscountCustomersInput }
input DiscountCodeBasicInput {
  title: String code: String startsAt: DateTime endsAt: DateTime customerSelection: DiscountCustomerSelectionInput
  customerGets: DiscountCustomerGetsInput appliesOncePerCustomer: Boolean usageLimit: Int
}
type DiscountCodeBasicCreatePayload { codeDiscountNode: DiscountCodeNode userErrors: [DiscountUserError!]! }

input GiftCardCreateInput { initialValue: Decimal! code: String note: String customerId: ID expiresOn: String }
type GiftCardCreatePayload { giftCard: GiftCard giftCardCode: String userErrors: [GiftCardUserError!]! }

input StoreCreditAccountCreditInput { creditAmount: MoneyInput! expiresAt: DateTime }
type StoreCreditAccountCreditPayload { storeCreditAccountTransaction: StoreCreditAccountCreditTransaction userErrors: [StoreCreditAccountCreditUserError!]! }

type TagsAddPayload { node: Node userErrors: [UserError!]! }
input OrderInput { id: ID! note: String tags: [String!] }
type OrderUpdatePayload { order: Order userErrors: [UserError!]! }

type Mutation {
  refundCreate(input: RefundInput!): RefundCreatePayload
  fulfillmentCreate(fulfillment: FulfillmentInput!, message: String): FulfillmentCreatePayload
  discountCodeBasicCreate(basicCodeDiscount: DiscountCodeBasicInput!): DiscountCodeBasicCreatePayload
  giftCardCreate(input: GiftCardCreateInput!): GiftCardCreatePayload
  storeCreditAccountCredit(id: ID!, creditInput: StoreCreditAccountCreditInput!): StoreCreditAccountCreditPayload
  tagsAdd(id: ID!, tags: [String!]!): TagsAddPayload
  orderUpdate(input: OrderInput!): OrderUpdatePayload
}

schema { query: QueryRoot mutation: Mutation }
`;

export const buildAdminSchema = () => buildSchema(SDL);
